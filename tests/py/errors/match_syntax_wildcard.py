# the wildcard must come last (a guard would allow it)
match 5:
    case _ if False:
        pass
    case (_):
        pass
    case 1:
        pass
