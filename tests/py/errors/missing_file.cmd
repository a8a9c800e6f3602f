# a missing script: "INTERP: can't open file '...': [Errno 2] ...", exit 2
no_such_script.py
