class P:
    def __init__(self): self.value = 1
P().valeu
