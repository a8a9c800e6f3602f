# break/continue outside a loop report the statement, also inside with/try blocks.
srcs = ["break", "if 0: break", "if 1: pass\nelse: break", "class C:\n  if 0: break",
        "with object() as obj:\n break", "with a:\n  with b:\n    continue",
        "try:\n  pass\nfinally:\n  break", "for x in y:\n  with a:\n    break\nelse:\n  continue",
        "async def f():\n  async with a:\n    break", "with a:\n return 1", "while 1:\n  def g():\n    break"]
for s in srcs:
    try:
        compile(s, "<s>", "exec")
        print("ok", repr(s))
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
