class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __repr__(self):
        return f"Matrix({self.rows})"

    def __str__(self):
        width = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(f"{str(x):>{width}}" for x in r) + "]" for r in self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[x * other for x in r] for r in self.rows])
        if self.m != other.n:
            raise ValueError(f"shape mismatch: {self.n}x{self.m} * {other.n}x{other.m}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    __rmul__ = __mul__

    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result * base
            base = base * base
            k >>= 1
        return result

    def transpose(self):
        return Matrix(zip(*self.rows))

    def det(self):
        # Bareiss fraction-free elimination: exact for integer matrices
        a = [r[:] for r in self.rows]
        n, sign, prev = self.n, 1, 1
        for k in range(n - 1):
            if a[k][k] == 0:
                swap = next((r for r in range(k + 1, n) if a[r][k] != 0), None)
                if swap is None:
                    return 0
                a[k], a[swap] = a[swap], a[k]
                sign = -sign
            for i in range(k + 1, n):
                for j in range(k + 1, n):
                    a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
            prev = a[k][k]
        return sign * a[n - 1][n - 1]

A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A)
print(repr(A + B))
print(A * B)
print(2 * A)
print(A * 0.5)
print(A.transpose())
print(Matrix([[1, 1], [1, 0]]) ** 30)
print(A.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det())
print(Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]]).det(), Matrix([[0, 2], [3, 1]]).det())
print(Matrix([[3, 2, 0, 1], [4, 0, 1, 2], [3, 0, 2, 1], [9, 2, 3, 1]]).det())
print(A == Matrix([[1, 2], [3, 4]]), A == B, A != B)
try:
    A * Matrix([[1, 2, 3]])
except ValueError as e:
    print("error:", e)
C = Matrix([[1.5, -2], [0.25, 10]])
print(C)
print(C * C)
flat = [x for row in (A ** 3).rows for x in row]
print(flat, sum(flat), max(flat))
