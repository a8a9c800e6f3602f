@a
@b(c)
class X:
    @property
    def y(self): pass
