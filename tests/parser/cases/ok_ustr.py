x = u'abc'
y = u'a' 'b'
z = 'a' u'b'
