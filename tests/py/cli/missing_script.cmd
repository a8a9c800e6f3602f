no_such_script.py
