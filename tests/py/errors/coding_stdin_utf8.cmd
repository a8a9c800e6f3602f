# the program on stdin may declare utf-8
-
