if a:
    if b:
        if c:
            x = 1
        else:
            y = 2
    elif d:
        for i in j:
            while k:
                try:
                    pass
                except:
                    pass
x = 3
