# Integer literal forms
print(0, 00, 0_0, 123, 1_000, 1_000_000)
print(0x1F, 0XfF, 0x_dead_beef, 0o17, 0O777, 0o_7, 0b1010, 0B1_0_1)
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF)
print(-0x80, +0b11, ~0o7)
print(type(10), type(0x10))
x = [0x10, 0o10, 0b10, 10]
print(sum(x), x)
print(int('1_000'), int('0x1f', 16), int('0o17', 0), int('0b101', 0), int('ff', 16))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(2**62, 2**63, 2**64, -2**63)
