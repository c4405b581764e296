"""Per-centre settings of the programmes app (autodiscovered by `centrum.core`)."""
