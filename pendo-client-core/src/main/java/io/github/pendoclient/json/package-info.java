/**
 * What users of pendo-client see of its JSON binding: {@link io.github.pendoclient.json.UnknownFields} and
 * {@link io.github.pendoclient.json.AlsoReads} for records, and {@link io.github.pendoclient.json.Binding} to choose
 * lenient (the default) or strict binding. The helpers behind them live in {@code io.github.pendoclient.internal.json}
 * and are not API.
 */
package io.github.pendoclient.json;
