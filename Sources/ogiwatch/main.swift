print("ogiwatch")
