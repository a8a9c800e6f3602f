def numbers():
    yield 1
    yield 2
    raise ValueError("generator broke at 3")

def doubled(it):
    for x in it:
        yield x * 2

for v in doubled(numbers()):
    print(v)
