"""The application: the command line, the interview, the generate run loop, writing files."""
