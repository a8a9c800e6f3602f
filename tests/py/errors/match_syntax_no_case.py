# a match block holds cases only
match 1:
    case 1:
        pass
    print("x")
