_show_argv.py x -i -c
