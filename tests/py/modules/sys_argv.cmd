_argv_target.py one 'two words' --flag -x 3
