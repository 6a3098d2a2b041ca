//! Reusable components of the client file and analysis screens.
