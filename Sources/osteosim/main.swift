import ArgumentParser
import OsteoSim
// Placeholder: replaced by the command tree.
print("osteosim \(OsteoSimInfo.version)")
