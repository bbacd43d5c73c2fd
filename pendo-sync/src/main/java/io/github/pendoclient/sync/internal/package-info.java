/**
 * pendo-sync's insides shared with the modules built on the engine (the Kafka connector, the command): the checkpoint
 * codec, the checkpoint kind check and the duration grammar. Not a public API: names and signatures change without
 * notice.
 */
package io.github.pendoclient.sync.internal;
