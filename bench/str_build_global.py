# Module-level string building (acc = acc + str(i % 10) outside a function): in place in CPython.
# module-level too
acc = ""
for i in range(100000):
    acc = acc + str(i % 10)
print(len(acc))
