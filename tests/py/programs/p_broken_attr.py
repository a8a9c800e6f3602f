class User:
    def __init__(self, name, email):
        self.name = name
        self.email = email

    def domain(self):
        return self.email.split("@")[1]

users = [User("ann", "ann@example.com"), User("bob", "bob@test.org"), User("cy", None)]
for u in users:
    print(u.name.title(), "->", u.domain())
