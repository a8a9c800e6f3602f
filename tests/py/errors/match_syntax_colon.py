# a case ends with ':'
match 1:
    case 1
        pass
