counter = 0

def bump():
    print("bumping from", counter if False else "?")
    counter += 1
    return counter

print("start")
bump()
