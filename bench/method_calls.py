class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, k):
        self.n += k
        return self
    def get(self):
        return self.n
class Sub(Counter):
    def inc(self, k):
        return super().inc(k * 2)
c, s = Counter(), Sub()
for i in range(1200000):
    c.inc(1)
    s.inc(1)
    c.get()
print(c.get(), s.get())
