# a complex literal is real +/- imaginary
match 2:
    case 1 + 1:
        pass
