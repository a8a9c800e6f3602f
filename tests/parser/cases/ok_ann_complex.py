x: list[int] = []
y: 'str'
z: int | None = None
def f(a: 'A', *b: int, **c: str) -> list[int]: pass
