import '@civic-kit/elements';
