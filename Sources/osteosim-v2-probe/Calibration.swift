import OsteoModel

func calibrate(_ p: BoneModelV2Parameters) -> BoneModelV2Parameters { p }
