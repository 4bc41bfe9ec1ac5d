import Testing
@testable import MadangWeb
