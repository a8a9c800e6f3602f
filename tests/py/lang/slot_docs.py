# the __doc__ of slot wrappers and of a few descriptors
i = iter([1])
print(i.__next__.__doc__)
print(int.__add__.__doc__, list.__len__.__doc__, object.__init__.__doc__, object.__eq__.__doc__)
print((1).__add__.__doc__, int.__pow__.__doc__, str.__getitem__.__doc__)
print(list.append.__doc__)
from _io import FileIO, BytesIO
print(FileIO.closed.__doc__, BytesIO.closed.__doc__, complex.real.__doc__)
