print("privacy-dashboard: command line coming in this change")
