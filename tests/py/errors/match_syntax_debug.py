# __debug__ cannot be captured
match 1:
    case [__debug__]:
        pass
