# gilpy -m dis FILE disassembles a file (module code, then each function)
-m dis _target.py
