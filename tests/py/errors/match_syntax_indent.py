# the cases are indented
match 1:
case 1:
    pass
