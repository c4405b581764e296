"""Pages of rooms and equipment. Views stay thin: load scoped to the centre, check, call one service."""
