# OSError's constructor: which arguments stay in args, and BlockingIOError's
# third argument, the count of characters written.
e = BlockingIOError(11, 'x', 16)
print(e.args, str(e), e.characters_written, e.filename)
e.characters_written = 3
print(e.characters_written)
del e.characters_written
try:
    e.characters_written
except AttributeError as err:
    print("AttributeError:", err)
print(BlockingIOError(11, 'x').args)
try:
    BlockingIOError(11, 'x').characters_written
except AttributeError as err:
    print("AttributeError:", err)
print(OSError(1, 'x', None).args)
e = OSError(2, 'x', 'f')
print(e.args, e.filename, str(e))
e = OSError(2, 'x', 'f', None, 'g')
print(e.args, e.filename, e.filename2, str(e))


class B(BlockingIOError):
    pass


e = B(11, 'x', 5)
print(e.args, e.filename)
try:
    BlockingIOError(11, 'x', 1.5)
except TypeError as err:
    print("TypeError:", err)
e = BlockingIOError(11, 'x', 'name')
print(e.args, e.filename)
