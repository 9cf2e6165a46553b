import { expect } from '@open-wc/testing';
import { errorFromResponse } from '../../src/api/errors.js';

describe('errorFromResponse', () => {
  it('keeps Polar’s error code and detail message', () => {
    const error = errorFromResponse(403, { error: 'NotPermitted', detail: 'Only owners and billing managers can access billing features.' });
    expect(error).to.include({ kind: 'http', status: 403, code: 'NotPermitted' });
    expect(error.message).to.equal('Only owners and billing managers can access billing features.');
  });

  it('maps 422 detail[].loc to field errors, without the body/query/path head', () => {
    const error = errorFromResponse(422, {
      error: 'RequestValidationError',
      detail: [
        { type: 'value_error', loc: ['body', 'email'], msg: 'value is not a valid email address', input: 'x' },
        { type: 'missing', loc: ['body', 'billing_address', 'country'], msg: 'Field required', input: {} },
      ],
    });
    expect(error.fieldErrors).to.deep.equal({
      email: 'value is not a valid email address',
      'billing_address.country': 'Field required',
    });
    expect(error.message).to.equal('value is not a valid email address');
  });

  it('recognises a rejected token', () => {
    const error = errorFromResponse(401, {
      error: 'invalid_token',
      error_description: 'The access token provided is expired, revoked, malformed, or invalid for other reasons.',
    });
    expect(error.isInvalidToken).to.equal(true);
    expect(error.message).to.contain('expired');
    expect(errorFromResponse(401, { error: 'Unauthorized', detail: 'Unauthorized' }).isInvalidToken).to.equal(false);
  });

  it('turns the rate limiter’s empty 429 into a rate_limited error with its retry-after', () => {
    const error = errorFromResponse(429, undefined, 900);
    expect(error).to.include({ status: 429, code: 'rate_limited', retryAfter: 900 });
  });
});
