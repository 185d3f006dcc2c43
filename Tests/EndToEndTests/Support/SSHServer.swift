import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private OpenSSH server on 127.0.0.1 for one test: its own host key, one authorized client key,
/// and a ForceCommand that runs Resources/ssh/privacy-dashboard-ssh (the wrapper docs/ssh.md installs)
/// on the test's store, as a shared box whose exports folder is in the test's folder. sshd and so the
/// dashboard run with `LD_LIBRARY_PATH` empty. Call `stop()` in a `defer`: it ends this sshd by the pid in
/// its PidFile.
final class SSHServer {
    /// The port it listens on.
    let port: Int
    /// The client's private key.
    let clientKey: String
    /// The user the client logs in as (the one running the tests).
    let user: String
    /// The box's exports folder (PRIVACY_DASHBOARD_EXPORTS).
    let exports: URL
    private let folder: URL
    private var pid: pid_t = 0
    private var stopped = false
    private let pidFile: String
    private let log: URL

    /// Writes the keys and the configuration, starts `sshd -D -e`, and waits until it listens.
    init(folder: URL, store: String, binary: String) async throws {
        let sshd = try EndToEnd.tool("sshd", package: "openssh-server", folders: ["/usr/sbin"])
        let keygen = try EndToEnd.tool("ssh-keygen", package: "openssh-client")
        _ = try EndToEnd.tool("ssh", package: "openssh-client")
        self.folder = folder
        user = Self.currentUser()
        let hostKey = folder.appendingPathComponent("ssh_host_ed25519_key").path
        clientKey = folder.appendingPathComponent("client_ed25519").path
        for key in [hostKey, clientKey] {
            let made = try EndToEnd.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "pd-e2e", "-f", key])
            guard made.status == 0 else { throw EndToEndError(description: "ssh-keygen failed: \(made.stderr)") }
        }
        let authorizedKeys = folder.appendingPathComponent("authorized_keys")
        try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: authorizedKeys.path)
        // sshd's privilege separation needs this folder; a fresh container may not have it.
        if !FileManager.default.fileExists(atPath: "/run/sshd") {
            try? FileManager.default.createDirectory(
                atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        // Reports and exports the dashboard writes stay in the test's folder, never in the runner's home.
        exports = folder.appendingPathComponent("exports")
        port = try Self.freePort()
        pidFile = folder.appendingPathComponent("sshd.pid").path
        log = folder.appendingPathComponent("sshd.log")
        let configuration = try Self.configuration(
            user: user, port: port, hostKey: hostKey, pidFile: pidFile, authorizedKeys: authorizedKeys.path,
            environment: [
                "LANG=C.UTF-8", "PRIVACY_DASHBOARD_STORE=\(store)", "PRIVACY_DASHBOARD_BIN=\(binary)",
                "PRIVACY_DASHBOARD_IDLE_MINUTES=5", "PRIVACY_DASHBOARD_EXPORTS=\(exports.path)",
                "PRIVACY_DASHBOARD_SHARED_BOX=\(user)@127.0.0.1",
            ])
        let configurationFile = folder.appendingPathComponent("sshd_config").path
        try (configuration + "\n").write(toFile: configurationFile, atomically: true, encoding: .utf8)
        let checked = try EndToEnd.run(sshd, ["-t", "-f", configurationFile])
        guard checked.status == 0 else {
            throw EndToEndError(description: "sshd -t refused the test configuration: \(checked.stderr)")
        }

        // Nothing points the dynamic linker at the Swift toolchain: the binary must run on its own.
        var environment = ProcessInfo.processInfo.environment
        environment["LD_LIBRARY_PATH"] = ""
        pid = try Spawn.start(
            sshd, ["-D", "-e", "-f", configurationFile], environment: environment, stdout: log.path,
            stderr: log.path)
        let log = self.log
        let pid = self.pid
        do {
            try await EndToEnd.poll(timeout: EndToEnd.screenTimeout, "sshd to listen on port \(port)") {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    throw EndToEndError(description: "sshd exited (wait status \(status))")
                }
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                return text.contains("Server listening on 127.0.0.1 port \(port)")
            }
        } catch let error as EndToEndError {
            stop()
            throw EndToEndError(description: "\(error.description); sshd's log:\n\(logText)")
        }
    }

    deinit { stop() }

    /// What sshd logged so far (shown when something fails).
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The ssh client command that connects with a terminal (`-tt`) to this server.
    var clientCommand: [String] { ["ssh", "-tt"] + clientOptions + ["\(user)@127.0.0.1"] }

    /// The client's options: this server's port and key, no user configuration, no host-key prompts.
    var clientOptions: [String] {
        [
            "-F", "/dev/null", "-p", "\(port)", "-i", clientKey, "-o", "IdentitiesOnly=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
            "-o", "LogLevel=ERROR",
        ]
    }

    /// Runs ssh without a terminal (e.g. with a remote command) and returns what it printed.
    func runClient(_ options: [String], command: [String] = []) throws -> ToolResult {
        let ssh = try EndToEnd.tool("ssh", package: "openssh-client")
        return try EndToEnd.run(ssh, options + clientOptions + ["\(user)@127.0.0.1"] + command)
    }

    /// Stops this sshd (the pid in its PidFile; with -D it is the process spawned) and reaps it.
    func stop() {
        guard !stopped, pid > 0 else { return }
        stopped = true
        if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
            let fromFile = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), fromFile > 0, fromFile != pid
        {
            _ = kill(fromFile, SIGTERM)
        }
        _ = kill(pid, SIGTERM)
        var status: Int32 = 0
        // Teardown only: up to 10 s for a clean exit, then SIGKILL.
        for _ in 0..<500 {
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            usleep(20_000)
        }
        _ = kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
    }

    /// The test's sshd_config: what a private sshd on loopback needs, then the production example
    /// Resources/ssh/privacy-dashboard.sshd_config for the current user, with the wrapper run from the
    /// source tree, the test's authorized keys, and the test's store and binary in SetEnv.
    private static func configuration(
        user: String, port: Int, hostKey: String, pidFile: String, authorizedKeys: String, environment: [String]
    ) throws -> String {
        let resources = EndToEnd.packageRoot.appendingPathComponent("Resources/ssh")
        let example = try String(
            contentsOf: resources.appendingPathComponent("privacy-dashboard.sshd_config"), encoding: .utf8)
        let wrapper = resources.appendingPathComponent("privacy-dashboard-ssh").path
        let replacements = [
            "Match User privacy": "Match User \(user)",
            "ForceCommand /usr/local/libexec/privacy-dashboard-ssh": "ForceCommand /bin/sh \(wrapper)",
            "AuthorizedKeysFile /etc/ssh/authorized_keys/%u": "AuthorizedKeysFile \(authorizedKeys)",
            "SetEnv LANG=C.UTF-8": "SetEnv \(environment.joined(separator: " "))",
        ]
        var lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (original, replacement) in replacements {
            guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == original }) else {
                throw EndToEndError(
                    description: "Resources/ssh/privacy-dashboard.sshd_config no longer has the line "
                        + "`\(original)` that the SSH test adapts: update SSHServer.configuration")
            }
            lines[index] = "    " + replacement
        }
        // Keys under /tmp (StrictModes no); no PAM outside a real login; CI runs as root, so root may log in
        // with a key here (never in production, where the account is the unprivileged `privacy`).
        let global = """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(hostKey)
            PidFile \(pidFile)
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            PermitUserEnvironment no
            AllowUsers \(user)
            LogLevel VERBOSE
            """
        return global + "\n\n" + lines.joined(separator: "\n")
    }

    /// A port that is free now: bind port 0 on 127.0.0.1 and read what the kernel chose.
    private static func freePort() throws -> Int {
        #if os(Linux)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw EndToEndError(description: "socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw EndToEndError(description: "bind() failed: errno \(errno)") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw EndToEndError(description: "getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func currentUser() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "root"
    }
}
