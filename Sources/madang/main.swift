import MadangStore
import MadangDigest
import ArgumentParser
print("x")
