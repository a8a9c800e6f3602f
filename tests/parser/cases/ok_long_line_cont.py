x = [
    1,  # one
    2,  # two
]
if (a and
    b):
    pass
