# zfill / center / ljust / rjust / expandtabs
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2), ''.zfill(3))
print('[' + 'ab'.center(6) + ']', '[' + 'ab'.center(7, '*') + ']', '[' + 'abc'.center(6) + ']', 'x'.center(0))
print('[' + 'ab'.ljust(5) + ']', '[' + 'ab'.rjust(5, '.') + ']', 'long'.ljust(2))
print(repr('a\tb\tc'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('12345\t6'.expandtabs(4)), repr('\tx\n\ty'.expandtabs(2)))
try:
    'a'.center(5, 'xy')
except TypeError as e:
    print(type(e).__name__, e)
