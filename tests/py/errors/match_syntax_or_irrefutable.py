# an irrefutable alternative must be the last one
match 5:
    case x | 1:
        pass
