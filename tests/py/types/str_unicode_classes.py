# str.isalpha/isalnum/isdecimal/isdigit/isnumeric on non-ASCII text follow Unicode 14.0's database
import sys
rows = []
for cp in list(range(0x80, 0x3400, 3)) + list(range(0x3400, 0x110000, 97)) + [
        0x2155, 0x2160, 0x3007, 0x4E00, 0x4E07, 0x5146, 0xF96B, 0x1D7CE, 0x1F100, 0x1FBF9, 0x10A44, 0x1ED3D,
        0x31350, 0x2F890, 0xE0041, 0x16FE4]:
    c = chr(cp)
    rows.append('%X%d%d%d%d%d' % (cp, c.isalpha(), c.isalnum(), c.isdecimal(), c.isdigit(), c.isnumeric()))
print(len(rows))
for i in range(0, len(rows), 8):
    print(' '.join(rows[i:i + 8]))
print('\u0661\u0662'.isdecimal(), 'x\u00b2'.isdigit(), '\u00bd\u2155'.isnumeric(), 'caf\u00e9\u4e00'.isalpha(),
      'a\u0301'.isalpha(), '\u01c5'.isalpha(), '\u02b0'.isalnum(), '\u1d7ce3'.isdecimal(), int('\u0663\u0664'))
# the titlecase letters (Lt) are neither upper nor lower case
for c in '\u01c5\u01c8\u1f88\u1f8f\u1fbc\u1fcc\u1ffc\u1f98':
    print(ascii(c), c.isupper(), c.islower(), c.istitle(), (c + 'abc').istitle(), (c + 'ABC').isupper())
