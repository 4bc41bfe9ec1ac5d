import MadangCore
