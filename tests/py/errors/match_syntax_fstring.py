# an f-string is no literal pattern
match "x":
    case f"x":
        pass
