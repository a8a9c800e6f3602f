# no arguments, stdin not a terminal: the program is read from stdin
