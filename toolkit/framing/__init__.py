"""framing: how outlets frame the news: cue verbs, scare quotes, certainty, frames and tone."""
