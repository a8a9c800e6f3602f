# the program on stdin redirected from a file: its latin-1 cookie is honoured
-
