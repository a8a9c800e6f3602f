# stdin given as "-": sys.argv[0] is "-"
- a b
