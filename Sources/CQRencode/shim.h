// libqrencode for Swift (Debian: libqrencode-dev): QR codes of enrolment URIs, drawn by TerminalKit.
#ifndef PRIVACY_DASHBOARD_CQRENCODE_SHIM_H
#define PRIVACY_DASHBOARD_CQRENCODE_SHIM_H

#include <qrencode.h>

#endif
